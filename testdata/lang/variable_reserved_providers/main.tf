variable "providers" {
  type = string
}
