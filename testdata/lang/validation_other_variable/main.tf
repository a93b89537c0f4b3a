variable "min" {
  type    = number
  default = 5
}

variable "max" {
  type    = number
  default = 3

  validation {
    condition     = var.max >= var.min
    error_message = "The max must not be below the min."
  }
}
