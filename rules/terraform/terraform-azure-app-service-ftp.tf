resource "azurerm_linux_web_app" "web" {
  site_config {
    # ruleid: terraform-azure-app-service-ftp
    ftps_state = "AllAllowed"
  }
}
resource "azurerm_linux_web_app" "api" {
  site_config {
    # ok: terraform-azure-app-service-ftp
    ftps_state = "Disabled"
  }
}
