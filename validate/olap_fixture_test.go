package validate

// olapConfig is an Object Lambda setup: bucket, supporting access point and
// function in the provider's account and Region, and the access point
// itself; the verbs fill in what each test varies.
const olapConfig = `
provider "aws" {
  region              = "eu-west-1"
  allowed_account_ids = ["111111111111"]
}
provider "aws" {
  alias               = "us"
  region              = "us-east-1"
  allowed_account_ids = ["111111111111"]
}
resource "aws_s3_bucket" "images" {
  bucket = "images-111111111111"
}
resource "aws_s3_access_point" "images" {
  %s
  bucket = aws_s3_bucket.images.id
  name   = "images"
}
resource "aws_iam_role" "fn" {
  name               = "watermark"
  assume_role_policy = "{}"
}
resource "aws_lambda_function" "watermark" {
  %s
  function_name = "watermark"
  role          = aws_iam_role.fn.arn
  handler       = "index.handler"
  runtime       = "python3.12"
  filename      = "watermark.zip"
}
resource "aws_s3control_object_lambda_access_point" "images" {
  name = %q
  configuration {
    supporting_access_point = aws_s3_access_point.images.arn
    allowed_features        = %s
    transformation_configuration {
      actions = %s
      content_transformation {
        aws_lambda {
          function_arn = aws_lambda_function.watermark.arn
        }
      }
    }
  }
}
`
