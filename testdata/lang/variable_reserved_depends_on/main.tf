variable "depends_on" {
  type = string
}
