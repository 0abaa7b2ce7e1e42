// placeholder: replaced by the real entry
export {};
