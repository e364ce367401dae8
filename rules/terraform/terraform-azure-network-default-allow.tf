resource "azurerm_storage_account" "data" {
  network_rules {
    # ruleid: terraform-azure-network-default-allow
    default_action = "Allow"
  }
}
resource "azurerm_key_vault" "kv" {
  network_acls {
    # ok: terraform-azure-network-default-allow
    default_action = "Deny"
    bypass         = "AzureServices"
  }
}
