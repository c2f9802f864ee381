// The references next-env.d.ts would add (that file is generated and gitignored), so the
// type check passes on a fresh checkout before Next has ever run.
/// <reference types="next" />
/// <reference types="next/image-types/global" />
