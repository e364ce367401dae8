resource "google_compute_instance" "app" {
  shielded_instance_config {
    # ruleid: terraform-gcp-shielded-vm-off
    enable_integrity_monitoring = false
    # ok: terraform-gcp-shielded-vm-off
    enable_secure_boot          = true
  }
}
