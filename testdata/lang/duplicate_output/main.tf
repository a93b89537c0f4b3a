output "name" {
  value = "a"
}

output "name" {
  value = "b"
}
