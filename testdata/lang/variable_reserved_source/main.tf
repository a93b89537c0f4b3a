variable "source" {
  type = string
}
