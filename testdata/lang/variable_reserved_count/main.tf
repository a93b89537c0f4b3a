variable "count" {
  type = string
}
