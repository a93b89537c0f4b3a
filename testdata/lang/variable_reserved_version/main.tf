variable "version" {
  type = string
}
