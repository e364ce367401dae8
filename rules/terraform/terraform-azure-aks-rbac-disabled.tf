resource "azurerm_kubernetes_cluster" "main" {
  # ruleid: terraform-azure-aks-rbac-disabled
  role_based_access_control_enabled = false
}
resource "azurerm_kubernetes_cluster" "apps" {
  # ok: terraform-azure-aks-rbac-disabled
  role_based_access_control_enabled = true
}
