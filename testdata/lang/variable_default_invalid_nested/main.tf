variable "listeners" {
  type = map(object({
    port = number
  }))
  default = {
    web = {
      port = "eighty"
    }
  }
}
