resource "azurerm_mssql_server" "db" {
  # ruleid: terraform-old-tls-version
  minimum_tls_version = "1.0"
}
resource "aws_cloudfront_distribution" "site" {
  viewer_certificate {
    # ruleid: terraform-old-tls-version
    minimum_protocol_version = "TLSv1"
  }
}
resource "google_compute_ssl_policy" "lb" {
  # ruleid: terraform-old-tls-version
  min_tls_version = "TLS_1_0"
}
resource "azurerm_mssql_server" "api" {
  # ok: terraform-old-tls-version
  minimum_tls_version = "1.2"
}
resource "google_compute_ssl_policy" "web" {
  # ok: terraform-old-tls-version
  min_tls_version = "TLS_1_2"
}
