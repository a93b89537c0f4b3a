// Package inputfile reads the files vpcplan is given (configuration,
// variable files, state, saved plans, the files file() and templatefile()
// read) with bounded work: only regular files are read, symbolic links
// resolved first, so that a device (/dev/zero), a FIFO or a socket is an
// error instead of an endless read or a hang; and a file over the size
// bound is refused before it is read.
package inputfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"

	"github.com/vpcplan/vpcplan/internal/bounds"
)

// TooLargeError is returned for a file over the size bound: Size is the
// file's size (or what was read of it), Max the bound.
type TooLargeError struct {
	Size, Max int64
}

func (e *TooLargeError) Error() string {
	return bounds.FileSize.Exceeded("the file has", e.Size, e.Max)
}

// NotRegularError is returned for a path that is not a regular file once
// symbolic links are resolved.
type NotRegularError struct {
	Mode fs.FileMode
}

func (e *NotRegularError) Error() string {
	kind := "not a regular file"
	switch {
	case e.Mode&fs.ModeNamedPipe != 0:
		kind = "a named pipe (FIFO)"
	case e.Mode&fs.ModeCharDevice != 0:
		kind = "a character device"
	case e.Mode&fs.ModeDevice != 0:
		kind = "a device"
	case e.Mode&fs.ModeSocket != 0:
		kind = "a socket"
	case e.Mode.IsDir():
		kind = "a directory"
	}
	return fmt.Sprintf("it is %s; vpcplan reads only regular files", kind)
}

// ErrNotRegular matches every NotRegularError with errors.Is.
var ErrNotRegular = errors.New("not a regular file")

// Is reports whether target is ErrNotRegular.
func (e *NotRegularError) Is(target error) bool { return target == ErrNotRegular }

// ReadFile reads a regular file of at most max bytes, the file size bound
// in effect (bounds.Limits.FileSize); max <= 0 means bounds.FileSize's
// default. It returns os.ReadFile's errors (fs.ErrNotExist included),
// *NotRegularError or *TooLargeError. Opening never blocks: a FIFO is
// opened non-blocking and refused.
func ReadFile(path string, max int64) ([]byte, error) {
	data, _, err := ReadFileInfo(path, max)
	return data, err
}

// ReadFileInfo is ReadFile that also returns the file's information, as
// read from the open file.
func ReadFileInfo(path string, max int64) ([]byte, fs.FileInfo, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, nil, err
	}
	if info.IsDir() {
		// As os.ReadFile reports it.
		return nil, nil, &fs.PathError{Op: "read", Path: path, Err: syscall.EISDIR}
	}
	if !info.Mode().IsRegular() {
		return nil, nil, &NotRegularError{Mode: info.Mode()}
	}
	limit := max
	if limit <= 0 {
		limit = bounds.FileSize.Default
	}
	if info.Size() > limit {
		return nil, nil, &TooLargeError{Size: info.Size(), Max: limit}
	}
	// The size can change while the file is read: read at most one byte
	// past the bound to tell.
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, nil, err
	}
	if int64(len(data)) > limit {
		return nil, nil, &TooLargeError{Size: int64(len(data)), Max: limit}
	}
	return data, info, nil
}
