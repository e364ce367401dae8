resource "google_container_node_pool" "pool" {
  node_config {
    metadata = {
      # ruleid: terraform-gcp-gke-legacy-metadata
      disable-legacy-endpoints = "false"
    }
    workload_metadata_config {
      # ruleid: terraform-gcp-gke-legacy-metadata
      mode = "GCE_METADATA"
    }
  }
}
resource "google_container_node_pool" "apps" {
  node_config {
    workload_metadata_config {
      # ok: terraform-gcp-gke-legacy-metadata
      mode = "GKE_METADATA"
    }
  }
}
