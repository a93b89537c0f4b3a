variable "region" {
  type = string
}

variable "region" {
  type = string
}
