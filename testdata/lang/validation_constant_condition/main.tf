variable "env" {
  type = string

  validation {
    condition     = true
    error_message = "Never."
  }
}
