resource "aws_msk_cluster" "events" {
  encryption_info {
    encryption_in_transit {
      # ruleid: terraform-aws-msk-plaintext
      client_broker = "TLS_PLAINTEXT"
      # ruleid: terraform-aws-msk-plaintext
      in_cluster    = false
    }
  }
}
resource "aws_msk_cluster" "audit" {
  encryption_info {
    encryption_in_transit {
      # ok: terraform-aws-msk-plaintext
      client_broker = "TLS"
    }
  }
}
