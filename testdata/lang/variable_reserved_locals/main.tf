variable "locals" {
  type = string
}
