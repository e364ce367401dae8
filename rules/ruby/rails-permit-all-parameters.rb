# ruleid: rails-permit-all-parameters
ActionController::Parameters.permit_all_parameters = true
# ruleid: rails-permit-all-parameters
config.action_controller.permit_all_parameters = true
# ok: rails-permit-all-parameters
config.action_controller.permit_all_parameters = false
