import { taxRate, log } from 'acme:shop/pricing@1.0.0';

export function total(amount, region) {
    const rate = taxRate(region);
    log(`pricing ${amount} in ${region} at ${rate}`);
    return `${region}: ${(amount * (1 + rate)).toFixed(2)}`;
}
