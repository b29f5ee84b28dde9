"use client";

import { useState } from "react";
import { Textarea, TextInput } from "./form";

// React resets a form's uncontrolled fields once its server action returns, so a refused submission would lose what was
// typed (a long reason, a signer's details). These inputs keep their value; remount them (a new `key`) to clear them.

export function KeptTextInput({ defaultValue, ...props }: Parameters<typeof TextInput>[0]) {
  const [value, setValue] = useState(String(defaultValue ?? ""));
  return <TextInput {...props} value={value} onChange={(e) => setValue(e.target.value)} />;
}

export function KeptTextarea({ defaultValue, ...props }: Parameters<typeof Textarea>[0]) {
  const [value, setValue] = useState(String(defaultValue ?? ""));
  return <Textarea {...props} value={value} onChange={(e) => setValue(e.target.value)} />;
}
