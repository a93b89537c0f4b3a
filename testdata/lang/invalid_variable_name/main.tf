variable "1x" {
}
