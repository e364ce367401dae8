resource "google_compute_instance" "app" {
  # ruleid: terraform-gcp-ip-forwarding
  can_ip_forward = true
}
resource "google_compute_instance" "web" {
  # ok: terraform-gcp-ip-forwarding
  can_ip_forward = false
}
