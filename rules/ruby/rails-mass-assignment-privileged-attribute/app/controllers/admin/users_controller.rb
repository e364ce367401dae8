class Admin::UsersController < Admin::BaseController
  def user_params
    # ok: rails-mass-assignment-privileged-attribute
    params.require(:user).permit(:name, :email, :admin)
  end
end
