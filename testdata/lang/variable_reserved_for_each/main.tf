variable "for_each" {
  type = string
}
