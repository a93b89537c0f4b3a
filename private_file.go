package main

import "os"

// writePrivate writes data to path with mode 0600 whether or not the file
// existed before: the mode is set before the first byte is written, so a
// saved plan, which holds the variables' values and the prior state, is
// never readable by others, not even while it is written.
func writePrivate(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	if err := f.Chmod(0o600); err != nil {
		f.Close()
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
