resource "google_dns_managed_zone" "public" {
  dnssec_config {
    # ruleid: terraform-gcp-dnssec-off
    state = "off"
  }
}
resource "google_dns_managed_zone" "site" {
  dnssec_config {
    # ok: terraform-gcp-dnssec-off
    state = "on"
  }
}
