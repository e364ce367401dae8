resource "google_compute_instance" "vm" {
  metadata = {
    # ruleid: terraform-gcp-instance-insecure-metadata
    serial-port-enable = "true"
    # ruleid: terraform-gcp-instance-insecure-metadata
    enable-oslogin     = "FALSE"
    # ok: terraform-gcp-instance-insecure-metadata
    block-project-ssh-keys = "true"
  }
}
