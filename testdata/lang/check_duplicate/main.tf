locals {
  n = 1
}

check "n" {
  assert {
    condition     = local.n > 0
    error_message = "Positive."
  }
}

check "n" {
  assert {
    condition     = local.n < 10
    error_message = "Small."
  }
}
