class UsersController < ApplicationController
  def update
    # ruleid: rails-mass-assignment-permit-all
    @user.update(params.require(:user).permit!)
    # ruleid: rails-mass-assignment-permit-all
    @user = User.new(params[:user].to_unsafe_h)
    # ok: rails-mass-assignment-permit-all
    @user.update(params.require(:user).permit(:name, :email))
    # ok: rails-mass-assignment-permit-all
    Rails.logger.debug(params.to_unsafe_h.inspect)
  end
end
