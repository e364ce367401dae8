resource "azurerm_storage_account" "data" {
  # ruleid: terraform-azure-storage-http-allowed
  https_traffic_only_enabled = false
}
resource "azurerm_storage_account" "logs" {
  # ok: terraform-azure-storage-http-allowed
  https_traffic_only_enabled = true
}
