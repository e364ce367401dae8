resource "azurerm_windows_web_app" "web" {
  site_config {
    # ruleid: terraform-azure-remote-debugging
    remote_debugging_enabled = true
  }
}
resource "azurerm_windows_web_app" "api" {
  site_config {
    # ok: terraform-azure-remote-debugging
    remote_debugging_enabled = false
  }
}
