variable "name" {
  type     = string
  requried = true
}
