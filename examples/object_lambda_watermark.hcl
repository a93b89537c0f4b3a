# Scenario: serve watermarked previews of images without storing a second copy.
#
# Clients call GetObject on an S3 Object Lambda access point instead of the
# bucket. S3 Object Lambda invokes a Lambda function, which fetches the original
# image through the supporting access point (using the presigned URL in the
# event), stamps a watermark on it and returns it with WriteGetObjectResponse.
# The original objects are never modified.
#
# NOTE: S3 Object Lambda is closed to new customers since 2025-11-07; it is
# available only to accounts that already use it and to select AWS Partner
# Network partners. This example assumes such an account, and says so with an
# inline ignore of aws_s3_object_lambda_closed_to_new_customers on the Object
# Lambda access point below. New designs should transform objects elsewhere
# (for example in the application, or behind CloudFront).
#
# What vpcplan checks here:
#   - the supporting access point is in the Object Lambda access point's
#     account and Region, and the access point names follow the naming rules;
#   - the Lambda function is in the same account and Region;
#   - the transformation actions are among GetObject, HeadObject, ListObjects
#     and ListObjectsV2;
#   - the function's role can call s3-object-lambda:WriteGetObjectResponse
#     (granted here by the AWS managed AmazonS3ObjectLambdaExecutionRolePolicy);
#   - the supporting access point is in its bucket's Region.

provider "aws" {
  region              = var.region
  allowed_account_ids = ["111111111111"]
}

variable "region" {
  type        = string
  description = "Region of the bucket, both access points and the function."
  default     = "us-east-1"
}

variable "bucket_name" {
  type        = string
  description = "Bucket holding the original images."
  default     = "example-corp-product-images-111111111111"
}

variable "watermark_text" {
  type        = string
  description = "Text stamped on every image served through the Object Lambda access point."
  default     = "example.com preview"
}

variable "frontend_role_arn" {
  type        = string
  description = "Role of the web frontend that reads images through the Object Lambda access point."
  default     = "arn:aws:iam::111111111111:role/web-frontend"
}

data "aws_caller_identity" "current" {}

# ---------------------------------------------------------------------------
# The bucket and the supporting access point.
# ---------------------------------------------------------------------------

resource "aws_s3_bucket" "images" {
  bucket = var.bucket_name
}

resource "aws_s3_bucket_public_access_block" "images" {
  bucket                  = aws_s3_bucket.images.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

# Let the account's access points decide who gets access.
data "aws_iam_policy_document" "images_bucket" {
  statement {
    sid       = "DelegateToOwnAccessPoints"
    effect    = "Allow"
    actions   = ["s3:*"]
    resources = ["arn:aws:s3:::${var.bucket_name}", "arn:aws:s3:::${var.bucket_name}/*"]

    principals {
      type        = "AWS"
      identifiers = ["*"]
    }

    condition {
      test     = "StringEquals"
      variable = "s3:DataAccessPointAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }
  }
}

resource "aws_s3_bucket_policy" "images" {
  bucket = aws_s3_bucket.images.id
  policy = data.aws_iam_policy_document.images_bucket.json
}

resource "aws_s3_access_point" "images" {
  bucket = aws_s3_bucket.images.id
  name   = "product-images"
}

# ---------------------------------------------------------------------------
# The watermarking function.
# ---------------------------------------------------------------------------

data "aws_iam_policy_document" "lambda_assume_role" {
  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "watermark" {
  name               = "image-watermark-lambda"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume_role.json
}

# Grants s3-object-lambda:WriteGetObjectResponse and CloudWatch Logs access.
resource "aws_iam_role_policy_attachment" "watermark" {
  role       = aws_iam_role.watermark.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonS3ObjectLambdaExecutionRolePolicy"
}

resource "aws_lambda_function" "watermark" {
  function_name = "image-watermark"
  role          = aws_iam_role.watermark.arn
  runtime       = "python3.12"
  handler       = "watermark.handler"
  filename      = "watermark.zip"
  architectures = ["arm64"]
  timeout       = 60
  memory_size   = 1024
  publish       = true

  environment {
    variables = {
      WATERMARK_OPACITY = "0.4"
    }
  }
}

# S3 Object Lambda invokes the function with the caller's credentials, so the
# caller needs lambda:InvokeFunction: granted here on the function itself.
resource "aws_lambda_permission" "frontend" {
  statement_id  = "AllowWebFrontendThroughObjectLambda"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.watermark.function_name
  principal     = var.frontend_role_arn
}

# ---------------------------------------------------------------------------
# The Object Lambda access point.
# ---------------------------------------------------------------------------

# This account already uses S3 Object Lambda (the service is closed to new
# customers since 2025-11-07), so the warning below is acknowledged on purpose.
# vpcplan-ignore: aws_s3_object_lambda_closed_to_new_customers
resource "aws_s3control_object_lambda_access_point" "watermark" {
  name = "product-images-watermarked"

  configuration {
    supporting_access_point     = aws_s3_access_point.images.arn
    cloud_watch_metrics_enabled = true

    transformation_configuration {
      actions = ["GetObject"]

      content_transformation {
        aws_lambda {
          function_arn     = aws_lambda_function.watermark.arn
          function_payload = jsonencode({ text = var.watermark_text })
        }
      }
    }
  }
}

output "object_lambda_access_point_arn" {
  description = "ARN clients pass as the bucket name to GetObject."
  value       = aws_s3control_object_lambda_access_point.watermark.arn
}

output "object_lambda_access_point_alias" {
  description = "Alias (ends in --ol-s3), usable wherever a bucket name is expected, e.g. as a CloudFront origin."
  value       = aws_s3control_object_lambda_access_point.watermark.alias
}
