output "name" {
  value  = "a"
  format = "json"
}
