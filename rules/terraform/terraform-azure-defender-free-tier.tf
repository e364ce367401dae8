resource "azurerm_security_center_subscription_pricing" "vms" {
  # ruleid: terraform-azure-defender-free-tier
  tier          = "Free"
  resource_type = "VirtualMachines"
}
resource "azurerm_service_plan" "plan" {
  # ok: terraform-azure-defender-free-tier
  tier = "Free"
}
