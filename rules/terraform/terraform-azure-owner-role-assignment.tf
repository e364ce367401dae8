resource "azurerm_role_assignment" "ci" {
  scope                = data.azurerm_subscription.current.id
  # ruleid: terraform-azure-owner-role-assignment
  role_definition_name = "Owner"
}
resource "azurerm_role_assignment" "reader" {
  # ok: terraform-azure-owner-role-assignment
  role_definition_name = "Storage Blob Data Reader"
}
