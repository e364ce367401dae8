provider "vault" {
  address = "https://vault.example.com"
  # ruleid: terraform-provider-tls-verification-disabled
  skip_tls_verify = true
}
provider "kubernetes" {
  host = "https://k8s.example.com"
  # ruleid: terraform-provider-tls-verification-disabled
  insecure = true
}
provider "helm" {
  # ok: terraform-provider-tls-verification-disabled
  insecure = false
}
