module "m" {
  for_each = toset(["ok", "NOT OK"])
  source   = "./m"
  name     = each.key
}
