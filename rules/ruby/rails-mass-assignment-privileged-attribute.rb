class UsersController < ApplicationController
  def user_params
    # ruleid: rails-mass-assignment-privileged-attribute
    params.require(:user).permit(:name, :email, :admin)
  end

  def member_params
    # ruleid: rails-mass-assignment-privileged-attribute
    params.require(:member).permit(:name, role_ids: [])
  end

  def profile_params
    # ok: rails-mass-assignment-privileged-attribute
    params.require(:user).permit(:name, :email, :role_description)
  end
end
