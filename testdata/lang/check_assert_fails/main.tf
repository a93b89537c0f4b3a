locals {
  replicas = 1
}

check "replicas" {
  assert {
    condition     = local.replicas >= 3
    error_message = "At least three replicas are needed for a quorum."
  }
}
