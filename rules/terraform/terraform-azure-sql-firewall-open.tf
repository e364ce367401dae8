resource "azurerm_mssql_firewall_rule" "all" {
  start_ip_address = "0.0.0.0"
  # ruleid: terraform-azure-sql-firewall-open
  end_ip_address   = "255.255.255.255"
}
resource "azurerm_mssql_firewall_rule" "office" {
  start_ip_address = "203.0.113.10"
  # ok: terraform-azure-sql-firewall-open
  end_ip_address   = "203.0.113.20"
}
