variable "lifecycle" {
  type = string
}
