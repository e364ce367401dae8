resource "azurerm_redis_cache" "cache" {
  # ruleid: terraform-azure-redis-non-ssl-port
  non_ssl_port_enabled = true
}
resource "azurerm_redis_cache" "sessions" {
  # ok: terraform-azure-redis-non-ssl-port
  non_ssl_port_enabled = false
}
