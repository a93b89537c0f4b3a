terraform {
  required_version = "one point five"
}
