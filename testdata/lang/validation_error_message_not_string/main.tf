variable "n" {
  type    = number
  default = 5

  validation {
    condition     = var.n < 3
    error_message = ["too", "big"]
  }
}
