package network

import "testing"

func TestIsMRAPARN(t *testing.T) {
	tests := map[string]bool{
		"arn:aws:s3::111111111111:accesspoint/mfzwi23gnjvgw.mrap":          true,
		"arn:aws:s3::111111111111:accesspoint/mfzwi23gnjvgw.mrap/object/*": true,
		"arn:aws:s3::111111111111:accesspoint/*":                           true,
		"arn:aws-cn:s3::111111111111:accesspoint/abc.mrap":                 true,
		"arn:aws:s3:eu-west-1:111111111111:accesspoint/app":                false,
		"arn:aws:s3:::bucket/*":                                            false,
		"arn:aws:s3::111111111111:accesspoint/":                            false,
		"arn:aws:s3:::accesspoint/x":                                       false,
		"*":                                                                false,
	}
	for arn, want := range tests {
		if got := IsMRAPARN(arn); got != want {
			t.Errorf("IsMRAPARN(%q) = %v, want %v", arn, got, want)
		}
	}
}
