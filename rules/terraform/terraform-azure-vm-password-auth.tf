resource "azurerm_linux_virtual_machine" "app" {
  # ruleid: terraform-azure-vm-password-auth
  disable_password_authentication = false
}
resource "azurerm_linux_virtual_machine" "web" {
  # ok: terraform-azure-vm-password-auth
  disable_password_authentication = true
}
