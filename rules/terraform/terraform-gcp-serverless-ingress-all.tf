resource "google_cloudfunctions_function" "hook" {
  # ruleid: terraform-gcp-serverless-ingress-all
  ingress_settings = "ALLOW_ALL"
}
resource "google_cloud_run_v2_service" "api" {
  # ruleid: terraform-gcp-serverless-ingress-all
  ingress = "INGRESS_TRAFFIC_ALL"
}
resource "google_cloud_run_v2_service" "admin" {
  # ok: terraform-gcp-serverless-ingress-all
  ingress = "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER"
}
