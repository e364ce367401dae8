resource "azurerm_container_registry" "acr" {
  # ruleid: terraform-azure-acr-admin-user
  admin_enabled = true
}
resource "azurerm_container_registry" "mirror" {
  # ok: terraform-azure-acr-admin-user
  admin_enabled = false
}
